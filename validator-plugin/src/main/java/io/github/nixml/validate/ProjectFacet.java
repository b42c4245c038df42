package io.github.nixml.validate;

/**
 * Something derived from a project once and shared by every rule that needs it (e.g. the dev-shell model).
 * Declare one as a constant in {@code validate.facts.ProjectFacts} and ask the context for it:
 *
 * <pre>{@code
 * public static final ProjectFacet<FlakeModel> MODEL = ProjectFacts::model;
 * ...
 * FlakeModel model = context.get(ProjectFacts.MODEL);
 * }</pre>
 *
 * The constant's identity is the cache key; {@link #compute} runs at most once per project (the first caller
 * computes, later callers share the result), must not throw on bad input, and may itself ask for other facets.
 */
@FunctionalInterface
public interface ProjectFacet<T> {

  T compute(ProjectContext context);
}
