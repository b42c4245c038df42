"""notebook_lab: entry point of the project."""


def main() -> None:
    print("Hello from notebook_lab!")


if __name__ == "__main__":
    main()
