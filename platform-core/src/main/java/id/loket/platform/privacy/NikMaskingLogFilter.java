package id.loket.platform.privacy;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * Masks any run of 16 digits (a NIK or a family card number) to its last four in every log line, whatever
 * logged it (a library's SQL error, an exception message). Enable with {@code quarkus.log.console.filter=nik-mask}.
 */
@LoggingFilter(name = "nik-mask")
public final class NikMaskingLogFilter implements Filter {

    private static final Pattern SIXTEEN_DIGITS = Pattern.compile("(?<!\\d)\\d{12}(\\d{4})(?!\\d)");

    public static String mask(String text) {
        return text == null ? null : SIXTEEN_DIGITS.matcher(text).replaceAll("************$1");
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String formatted = ext.getFormattedMessage();
            String masked = mask(formatted);
            if (masked != null && !masked.equals(formatted)) {
                ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
            Throwable thrown = ext.getThrown();
            if (thrown != null && thrown.getMessage() != null && !thrown.getMessage().equals(mask(thrown.getMessage()))) {
                ext.setThrown(new MaskedThrowable(thrown));
            }
        } else if (record.getMessage() != null) {
            record.setMessage(mask(record.getMessage()));
        }
        return true;
    }

    /** Keeps the stack trace of a failure whose message held a NIK, with the message masked. */
    private static final class MaskedThrowable extends RuntimeException {
        MaskedThrowable(Throwable original) {
            super(original.getClass().getName() + ": " + mask(original.getMessage()), original.getCause() == null ? null : new MaskedThrowable(original.getCause()));
            setStackTrace(original.getStackTrace());
        }
    }
}
