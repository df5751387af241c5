package id.loket.platform.security;

/** A request body that names the branch it acts on, so a {@link Branch}-marked body parameter can be checked. */
public interface InBranch {

    String branch();
}
