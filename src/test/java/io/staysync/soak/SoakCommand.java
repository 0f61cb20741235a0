package io.staysync.soak;

/** Runs a soak with the {@code soak.*} system properties and prints its report. */
public final class SoakCommand {

	private SoakCommand() {
	}

	/**
	 * @return the exit code: 0 when every invariant holds, 1 otherwise
	 */
	public static int run() throws Exception {
		Soak.Report report = Soak.run(Soak.fromSystemProperties());
		report.print();
		return report.passed() ? 0 : 1;
	}

}
