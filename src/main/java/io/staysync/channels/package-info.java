/**
 * Channels: the one door to every channel. {@link io.staysync.channels.ChannelConnector}
 * is the SPI each adapter (iCal, Booking.com, Airbnb, sandbox) implements; vendor payload
 * types never leave their adapter's package.
 * {@link io.staysync.channels.ChannelConnectors} finds the adapter for a channel type and
 * mode.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels",
		allowedDependencies = { "bookings", "common" })
package io.staysync.channels;
