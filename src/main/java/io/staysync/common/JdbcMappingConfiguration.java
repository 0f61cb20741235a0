package io.staysync.common;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;

/**
 * Spring Data JDBC quotes identifiers by default and upper-cases them on H2, which breaks on
 * an H2 in PostgreSQL mode with lower-case names. Our schema uses plain lower-case names
 * that need no quoting on either database, so quoting is switched off.
 */
@Configuration(proxyBeanMethods = false)
class JdbcMappingConfiguration {

	@Bean
	static BeanPostProcessor unquotedIdentifiers() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}
		};
	}

}
