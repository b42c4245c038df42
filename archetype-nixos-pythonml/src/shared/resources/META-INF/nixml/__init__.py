"""@@raw:package@@: entry point of the project."""


def main() -> None:
    print("Hello from @@raw:package@@!")


if __name__ == "__main__":
    main()
