package id.loket.membership.contribution.domain;

import java.time.YearMonth;

/** A month of an account and an amount of it: owed, cancelled or restored. */
public record MonthOwed(YearMonth month, long amount) {
}
