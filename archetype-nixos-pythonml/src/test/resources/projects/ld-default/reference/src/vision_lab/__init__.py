"""vision_lab: entry point of the project."""


def main() -> None:
    print("Hello from vision_lab!")


if __name__ == "__main__":
    main()
