package id.loket.platform.security;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The branch check, written once: on a resource method whose parameter marked {@link Branch} says which branch the
 * thing acted on belongs to, a user of another branch gets 403 ({@link BranchForbidden}) before the method runs, so
 * before anything is written; bad input is answered first (400 naming the field). The parameter is already read (a path parameter, or the
 * body the method receives), so no filter reads a streamed body.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BranchScoped {
}
