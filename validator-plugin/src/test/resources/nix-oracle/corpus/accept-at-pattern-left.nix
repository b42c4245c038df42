args@{ a, ... }: args.a
