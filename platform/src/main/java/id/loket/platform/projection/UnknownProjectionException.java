package id.loket.platform.projection;

import id.loket.platform.domain.NotFound;

public class UnknownProjectionException extends NotFound {
    public UnknownProjectionException(String name) {
        super("no projection named " + name);
    }
}
