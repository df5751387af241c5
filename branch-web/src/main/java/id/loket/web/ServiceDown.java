package id.loket.web;

/** A service did not answer in time (refused, timed out, 5xx): the page says which one and what still works. */
public class ServiceDown extends RuntimeException {

    private final Service service;

    public ServiceDown(Service service, Throwable cause) {
        super(service.label() + " did not answer: " + cause, cause);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
