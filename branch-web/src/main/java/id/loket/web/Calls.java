package id.loket.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.web.client.ProblemBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/**
 * Every call to a service goes through here: a service that does not answer becomes {@link ServiceDown} (and its
 * banner goes up at once), a 4xx becomes {@link ServiceRefused} with the service's own problem+json.
 */
@ApplicationScoped
public class Calls {

    private final ServiceHealth health;
    private final ObjectMapper json;

    Calls(ServiceHealth health, ObjectMapper json) {
        this.health = health;
        this.json = json;
    }

    public <T> T call(Service service, Supplier<T> call) {
        try {
            T answer = call.get();
            health.answered(service);
            return answer;
        } catch (WebApplicationException e) {
            Response r = e.getResponse();
            if (r.getStatus() >= 500) {
                health.failed(service);
                throw new ServiceDown(service, e);
            }
            health.answered(service);
            throw new ServiceRefused(service, problemOf(r));
        } catch (ProcessingException e) {
            health.failed(service);
            throw new ServiceDown(service, e);
        }
    }

    public void run(Service service, Runnable call) {
        call(service, () -> {
            call.run();
            return null;
        });
    }

    private ProblemBody problemOf(Response r) {
        try {
            String body = r.readEntity(String.class);
            if (body != null && body.startsWith("{")) {
                ProblemBody p = json.readValue(body, ProblemBody.class);
                return p.status() == 0 ? ProblemBody.of(r.getStatus(), p.detail()) : p;
            }
        } catch (Exception ignored) {
            // not problem+json: the status alone
        }
        return ProblemBody.of(r.getStatus(), null);
    }
}
