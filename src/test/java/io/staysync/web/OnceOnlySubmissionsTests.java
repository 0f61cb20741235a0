package io.staysync.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;

import io.staysync.web.OnceOnlySubmissions.Submission;

import static org.assertj.core.api.Assertions.assertThat;

class OnceOnlySubmissionsTests {

	final OnceOnlySubmissions submissions = new OnceOnlySubmissions();

	final MockHttpSession session = new MockHttpSession();

	@Test
	void aTokenIsGoodOnceThenARepeat() {
		String token = submissions.issue(request(null));

		assertThat(submissions.check(request(token))).isEqualTo(Submission.FIRST);
		assertThat(submissions.check(request(token))).isEqualTo(Submission.REPEATED);
	}

	@Test
	void missingForeignAndForgottenTokensAreUnknown() {
		String oldest = submissions.issue(request(null));
		for (int i = 0; i < OnceOnlySubmissions.KEPT; i++) {
			submissions.issue(request(null));
		}

		assertThat(submissions.check(request(null))).isEqualTo(Submission.UNKNOWN);
		assertThat(submissions.check(request("not-issued"))).isEqualTo(Submission.UNKNOWN);
		assertThat(submissions.check(request(oldest))).isEqualTo(Submission.UNKNOWN);
		MockHttpServletRequest otherSession = new MockHttpServletRequest();
		otherSession.setSession(new MockHttpSession());
		otherSession.setParameter(OnceOnlySubmissions.FIELD, submissions.issue(request(null)));
		assertThat(submissions.check(otherSession)).isEqualTo(Submission.UNKNOWN);
	}

	@Test
	void tokensAreUnguessable() {
		String first = submissions.issue(request(null));
		String second = submissions.issue(request(null));

		assertThat(first).hasSize(24).isNotEqualTo(second);
	}

	private MockHttpServletRequest request(String token) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(session);
		if (token != null) {
			request.setParameter(OnceOnlySubmissions.FIELD, token);
		}
		return request;
	}

}
