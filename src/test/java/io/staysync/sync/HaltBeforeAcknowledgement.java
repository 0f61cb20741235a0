package io.staysync.sync;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;

import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelMessage;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;

/**
 * Test only: wraps the Booking.com connector so that its acknowledgement stops the JVM on
 * the spot ({@link Runtime#halt}: no shutdown hook, no finally block, no rollback
 * handler), as a power cut right after the reservations were committed would. Not a
 * component, so no scan picks it up: {@link CrashingInstance} registers it by name.
 */
class HaltBeforeAcknowledgement implements BeanPostProcessor {

	/** The exit status of the halted JVM, which the test tells from any other ending. */
	static final int HALTED = 86;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof ChannelConnector connector)
				|| !connector.supports(ChannelType.BOOKING_COM, ChannelMode.API)) {
			return bean;
		}
		return Proxy.newProxyInstance(ChannelConnector.class.getClassLoader(),
				new Class<?>[] { ChannelConnector.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("acknowledge")) {
						@SuppressWarnings("unchecked")
						List<ChannelMessage> committed = (List<ChannelMessage>) arguments[1];
						System.out.println("HALT before acknowledging "
								+ committed.stream().map(ChannelMessage::reference).toList());
						System.out.flush();
						Runtime.getRuntime().halt(HALTED);
					}
					try {
						return method.invoke(connector, arguments);
					}
					catch (InvocationTargetException failed) {
						throw failed.getCause();
					}
				});
	}

}
