package io.github.nixml.validate.rules;

import io.github.nixml.model.Expr;
import io.github.nixml.model.TreeLowering;
import io.github.nixml.validate.ProjectFacet;
import java.util.Optional;

/** flake.nix lowered to the model's expression form once per project, shared by the model and the lock rules. */
final class FlakeExpression {
  private FlakeExpression() {}

  /** The lowered top-level expression; empty when flake.nix is missing or has errors. */
  static final ProjectFacet<Optional<Expr>> FACET = context -> context.flake().flatMap(TreeLowering::lower);
}
