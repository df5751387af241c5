package id.loket.platform.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs {@link BranchScoped}: after the role check and after Bean Validation of the parameters (its interceptor is
 * at {@code PLATFORM_AFTER + 800}), so bad input is a 400 naming the field whoever sends it, and a well-formed
 * request for another branch a 403; always before the method body, so a refused request has written nothing
 * (a transaction begun around it rolls back empty).
 */
@BranchScoped
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class BranchCheck {

    /** A method's marked parameter, found once per method. */
    private record Marked(int index, Class<? extends BranchLookup> lookup) {
    }

    private static final Map<Method, Marked> MARKED = new ConcurrentHashMap<>();

    @Inject
    CurrentActor actor;

    // every lookup bean is used through here: an Instance injection point keeps them all
    @Inject
    @Any
    Instance<BranchLookup> lookups;

    @AroundInvoke
    Object check(InvocationContext invocation) throws Exception {
        Marked marked = MARKED.computeIfAbsent(invocation.getMethod(), BranchCheck::marked);
        Object value = invocation.getParameters()[marked.index()];
        String branch = branchOf(value, marked.lookup());
        // no value: a parameter the method lets be absent; a required one has had its 400 from validation already
        if (branch != null) actor.requireBranch(branch);
        return invocation.proceed();
    }

    private String branchOf(Object value, Class<? extends BranchLookup> lookup) {
        if (value == null) return null;
        if (lookup != BranchLookup.class) return lookups.select(lookup).get().branchOf(value);
        if (value instanceof InBranch body) return body.branch();
        if (value instanceof CharSequence code) return code.toString();
        throw new IllegalStateException("a @Branch parameter is a branch code, an InBranch body or a key with a lookup: "
                + value.getClass().getName());
    }

    private static Marked marked(Method method) {
        Parameter[] parameters = method.getParameters();
        Marked found = null;
        for (int i = 0; i < parameters.length; i++) {
            Branch b = parameters[i].getAnnotation(Branch.class);
            if (b == null) continue;
            if (found != null) throw new IllegalStateException(method + " marks two @Branch parameters");
            found = new Marked(i, b.lookup());
        }
        if (found == null) throw new IllegalStateException(method + " is @BranchScoped but marks no @Branch parameter");
        return found;
    }
}
