package io.staysync.channels;

import java.util.List;

/** The listings of a connected channel account, or why they could not be read. */
public record AccountListings(List<AccountListing> listings, String problem) {

	public AccountListings {
		listings = List.copyOf(listings);
	}

	public static AccountListings failed(String problem) {
		return new AccountListings(List.of(), problem);
	}

}
