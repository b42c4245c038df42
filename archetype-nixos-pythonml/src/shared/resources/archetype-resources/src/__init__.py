"""${package}: entry point of the project."""


def main() -> None:
    print("Hello from ${package}!")


if __name__ == "__main__":
    main()
