package io.staysync.common.http;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedirectLocationTests {

	@ParameterizedTest(name = "{1} from {0}")
	@CsvSource({ "https://feeds.example.com/a/b.ics?t=1, https://cdn.example.net/x.ics, https://cdn.example.net/x.ics",
			"https://feeds.example.com/a/b.ics?t=1, /c.ics, https://feeds.example.com/c.ics",
			"https://feeds.example.com/a/b.ics?t=1, c.ics?t=2, https://feeds.example.com/a/c.ics?t=2",
			"https://feeds.example.com/a/b.ics?t=1, ../c.ics, https://feeds.example.com/c.ics",
			"https://feeds.example.com/a/b.ics?t=1, ?t=2, https://feeds.example.com/a/b.ics?t=2",
			"https://feeds.example.com, c.ics, https://feeds.example.com/c.ics",
			"https://feeds.example.com/a, //other.example.com/d, https://other.example.com/d",
			"http://[2606:4700::1111]:8080/a, /b, http://[2606:4700::1111]:8080/b",
			"http://feeds.example.com/a, http://[::ffff:127.0.0.1]:81/, http://[::ffff:127.0.0.1]:81/" })
	void resolvesLocationsAsBrowsersDo(String base, String location, String expected) throws Exception {
		TargetUrl target = TargetUrl.check(URI.create(base), AddressPolicy.publicOnly());

		assertThat(Exchange.resolve(target, location)).isEqualTo(URI.create(expected));
	}

	@ParameterizedTest
	@CsvSource({ "http://exa mple.com/", "http://[::1/" })
	void anUnreadableLocationIsAnInvalidUrl(String location) throws Exception {
		TargetUrl target = TargetUrl.check(URI.create("https://feeds.example.com/a"), AddressPolicy.publicOnly());

		assertThatThrownBy(() -> Exchange.resolve(target, location)).isInstanceOf(FetchException.class)
			.hasMessage("feeds.example.com redirected to an address that is not valid.");
	}

}
