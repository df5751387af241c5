package id.loket.platform.test.browser;

/**
 * The screens Loket's pages are made for, as CSS pixels at a device scale factor of 1: a {@link Browser} opens
 * its viewport at exactly this size, and its screenshots have it.
 */
public enum Device {
    /** A participant's phone: the survey page, the ticket on the phone. Emulated as a mobile device. */
    PHONE(390, 844, true),
    /** The security officer's tablet at the door, upright. */
    TABLET(820, 1180, false),
    /** The counter's and the supervisor's desktop. */
    DESKTOP(1366, 768, false),
    /** The waiting-room board. */
    TV(1920, 1080, false),
    /** The ticket kiosk's upright touch screen. */
    KIOSK(1080, 1920, false);

    private final int width;
    private final int height;
    private final boolean mobile;

    Device(int width, int height, boolean mobile) {
        this.width = width;
        this.height = height;
        this.mobile = mobile;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether the page is told it runs on a mobile device (meta viewport honoured, mobile user agent metrics). */
    public boolean mobile() {
        return mobile;
    }
}
