package io.staysync.common.http;

import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetUrlTests {

	private final AddressPolicy publicOnly = AddressPolicy.publicOnly();

	@Test
	void acceptsPublicHttpAndHttpsAddressesWithTheirPorts() throws Exception {
		TargetUrl https = TargetUrl.check(URI.create("https://calendar.example.com/feed.ics?t=s3cret"), publicOnly);
		TargetUrl http = TargetUrl.check(URI.create("HTTP://8.8.8.8/feed"), publicOnly);
		TargetUrl port = TargetUrl.check(URI.create("https://[2606:4700::1111]:8443/"), publicOnly);

		assertThat(https.host()).isEqualTo("calendar.example.com");
		assertThat(https.port()).isEqualTo(443);
		assertThat(http.port()).isEqualTo(80);
		assertThat(port.host()).isEqualTo("[2606:4700::1111]");
		assertThat(port.port()).isEqualTo(8443);
	}

	@Test
	void acceptsHostNamesThatJavaNetUriCannotParseButHttpClientCan() throws Exception {
		TargetUrl target = TargetUrl.check(URI.create("https://my_feeds.example.com:8443/x.ics"), publicOnly);

		assertThat(target.host()).isEqualTo("my_feeds.example.com");
		assertThat(target.port()).isEqualTo(8443);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "http://2130706433/, BLOCKED_ADDRESS", "http://0177.0.0.1/, BLOCKED_ADDRESS",
			"http://0x7f.0.0.1/, BLOCKED_ADDRESS", "http://127.1/, BLOCKED_ADDRESS",
			"http://127.0.0.1./, BLOCKED_ADDRESS", "http://0/, BLOCKED_ADDRESS", "http://2852039166/, BLOCKED_ADDRESS",
			"http://0xa9fea9fe/, BLOCKED_ADDRESS", "http://0251.0376.0251.0376/, BLOCKED_ADDRESS",
			"http://169.254.43518/, BLOCKED_ADDRESS", "http://0x0a.1/, BLOCKED_ADDRESS",
			"http://134744072/, INVALID_URL", "http://010.8.8.8/, INVALID_URL", "http://999.1.1.1/, INVALID_URL",
			"http://1.2.3.4.5/, INVALID_URL", "http://[fe80::1%25eth0]/, INVALID_URL", "http://host:0/, INVALID_URL",
			"http:feed.ics, INVALID_URL", "/relative/feed.ics, INVALID_URL", "mailto:a@example.com, INVALID_URL" })
	void refusesNumericSpellingsOfInternalAddressesAndUnusualOnes(String url, FetchFailure failure) {
		assertThatThrownBy(() -> TargetUrl.check(URI.create(url), publicOnly)).isInstanceOf(FetchException.class)
			.extracting(ex -> ((FetchException) ex).failure())
			.isEqualTo(failure);
	}

	@Test
	void readsNumericHostsTheWayTheCLibraryDoes() throws Exception {
		assertThat(NumericHost.parse("127.0.0.1")).isEqualTo(new NumericHost(InetAddress.getByName("127.0.0.1"), true));
		assertThat(NumericHost.parse("0x7f.1").address()).isEqualTo(InetAddress.getByName("127.0.0.1"));
		assertThat(NumericHost.parse("1.2.3").address()).isEqualTo(InetAddress.getByName("1.2.0.3"));
		assertThat(NumericHost.parse("0xdeadbeef").address()).isEqualTo(InetAddress.getByName("222.173.190.239"));
		assertThat(NumericHost.parse("0177.0.0.1").plain()).isFalse();
		assertThat(NumericHost.parse("example.com")).isNull();
		assertThat(NumericHost.parse("deadbeef")).isNull();
		assertThat(NumericHost.parse("1.2.3.example")).isNull();
	}

	@Test
	void messagesNameTheHostButNeverThePathOrQuery() {
		assertThatThrownBy(
				() -> TargetUrl.check(URI.create("http://10.1.2.3/feeds/s3cret-path.ics?token=s3cret"), publicOnly))
			.hasMessageContaining("10.1.2.3")
			.hasMessageNotContaining("s3cret");
		assertThatThrownBy(() -> TargetUrl.check(URI.create("https://owner:s3cret@example.com/x"), publicOnly))
			.hasMessageContaining("user name or password")
			.hasMessageNotContaining("s3cret");
	}

}
