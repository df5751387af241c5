package id.loket.web;

import id.loket.web.client.ProblemBody;

/** A service answered 4xx: its problem+json is shown beside the field it names (403: the 403 page). */
public class ServiceRefused extends RuntimeException {

    private final Service service;
    private final ProblemBody problem;

    public ServiceRefused(Service service, ProblemBody problem) {
        super(service.label() + " answered " + problem.status() + ": " + problem.detail());
        this.service = service;
        this.problem = problem;
    }

    public Service service() {
        return service;
    }

    public ProblemBody problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
