package id.loket.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a {@link BranchScoped} method's branch comes from: this parameter. Without a {@link #lookup()} the value is
 * the branch code itself (a path or query parameter) or a body that names its branch ({@link InBranch}); with one,
 * the value is the key of the record the method acts on (a ticket's id, a counter's code) and the lookup answers
 * that record's branch (or 404 for no such record).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Branch {

    Class<? extends BranchLookup> lookup() default BranchLookup.class;
}
