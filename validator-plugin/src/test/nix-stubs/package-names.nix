# The attribute names the stub nixpkgs knows. A flake that names anything else fails to evaluate with
# "attribute 'x' missing": add the name here (dotted names build nested sets; a name can be a package and hold more).
{
  top = [
    # tools and libraries seen in dev-shell flakes
    "uv" "ruff" "just" "git" "gnumake" "cmake" "ninja" "meson" "pkg-config" "pkgconfig" "gcc" "clang" "gdb" "valgrind"
    "stdenv.cc.cc.lib" "gcc.cc.lib" "gcc-unwrapped.lib" "zlib" "zstd" "libz" "glib" "libGL" "libGLU" "libffi"
    "openssl" "openssl.dev" "sqlite" "postgresql" "postgresql_16" "postgresql.lib" "redis" "duckdb" "ffmpeg" "ffmpeg_6"
    "ffmpeg-full" "libiconv" "libxml2" "libxslt" "libyaml" "libusb1" "libpng" "libjpeg" "freetype" "fontconfig" "expat"
    "vulkan-loader" "vulkan-tools" "vulkan-headers" "portaudio" "alsa-lib" "pulseaudio" "wayland" "libxkbcommon"
    "xorg.libX11" "xorg.libXext" "xorg.libXrender" "xorg.libXi" "xorg.libXrandr" "xorg.libxcb" "xorg.libSM" "xorg.libICE"
    "xorg.libXcursor" "xorg.libXinerama" "xorg.libXv" "xorg.libxkbfile" "libX11" "krb5" "icu" "ncurses" "ncurses5" "readline"
    "bzip2" "xz" "lzma" "gdbm" "tk" "tcl" "libuuid" "util-linux" "binutils" "pciutils" "procps" "coreutils" "which"
    "wget" "curl" "jq" "yq" "ripgrep" "fd" "direnv" "nix-direnv" "pre-commit" "hyperfine" "mkdocs" "graphviz" "quarto"
    "texliveMedium" "texlive.combined.scheme-medium" "pandoc" "nodejs" "nodejs_20" "nodejs_22" "pnpm" "yarn" "bun"
    "playwright-driver.browsers" "go" "gopls" "golangci-lint" "protobuf" "grpcurl" "cargo" "rustc" "rustfmt" "clippy"
    "rust-analyzer" "rustup" "rustPlatform.rustLibSrc" "terraform" "docker" "docker-compose" "kubectl" "awscli2"
    "openssh" "nixos-rebuild" "nixpkgs-fmt" "nixfmt-rfc-style" "nixfmt-classic" "alejandra" "statix" "deadnix" "nil"
    "zsh" "fish" "bash" "bashInteractive" "nushell" "xonsh" "tmux" "neovim" "vim" "hello" "cowsay" "lolcat"
    "linuxPackages.nvidia_x11" "linuxPackages.nvidiaPackages.stable" "cudatoolkit" "cudnn" "nccl" "addDriverRunpath.driverLink" "addOpenGLRunpath.driverLink"
    "gst_all_1.gstreamer" "gst_all_1.gst-plugins-base" "gst_all_1.gst-plugins-good" "opencv" "opencv4" "openblas" "blas"
    "lapack" "hdf5" "netcdf" "gfortran" "swig" "maturin" "poetry" "pipenv" "pdm" "hatch" "conda" "micromamba" "pixi"
    "jupyter" "tesseract" "poppler_utils" "ghostscript" "imagemagick" "espeak" "sox" "mpv" "chromium" "firefox"
    "python3Full" "pypy3" "dotnet-sdk_8" "jdk" "jdk17" "jdk21" "maven" "gradle" "kotlin" "scala" "sbt" "julia" "R"
  ];

  # Names every python3XYPackages set (and every withPackages callback) knows.
  python = [
    "venvShellHook" "pip" "setuptools" "wheel" "virtualenv" "pip-tools" "hatchling" "poetry-core" "flit-core"
    "numpy" "scipy" "pandas" "polars" "matplotlib" "seaborn" "statsmodels" "scikit-learn" "jupyter" "jupyterlab"
    "ipython" "ipykernel" "notebook" "pytest" "pytest-cov" "hypothesis" "attrs" "requests" "httpx" "pydantic" "fastapi"
    "uvicorn" "uv" "flask" "django" "sqlalchemy" "psycopg2" "torch" "torchWithCuda" "torchWithRocm" "torch-bin" "torchvision"
    "torchaudio" "jax" "jaxlib" "jaxlibWithCuda" "tensorflow" "tensorflowWithCuda" "transformers" "datasets" "accelerate"
    "opencv4" "pillow" "tqdm" "rich" "typer" "click" "pyyaml" "toml" "tomli" "black" "mypy" "ruff" "isort" "flake8"
    "pylint" "python-lsp-server" "debugpy" "cython" "pybind11" "nanobind" "scikit-build-core" "mkdocs" "sphinx"
    "openai" "langchain" "langgraph" "numba" "cupy" "pycuda" "tensorboard" "wandb" "mlflow" "onnx" "onnxruntime"
    "pyarrow" "duckdb" "lightgbm" "xgboost" "shap" "networkx" "sympy" "h5py" "netcdf4" "xarray" "dask" "distributed"
    "boto3" "redis" "celery" "pytesseract" "pdf2image" "pypdf" "biopython" "rdkit" "shapely" "pyproj" "geopandas"
  ];

  # Names every cudaPackages* set knows.
  cuda = [
    "cudatoolkit" "cudnn" "nccl" "cuda_cudart" "cuda_nvcc" "cuda_cccl" "cuda_nvrtc" "cuda_cupti" "cuda_nvtx"
    "libcublas" "libcufft" "libcurand" "libcusolver" "libcusparse" "libnvjitlink" "cutensor" "tensorrt"
  ];

  pythonVersions = [ "38" "39" "310" "311" "312" "313" "314" "315" ];
  cudaSets = [ "cudaPackages" "cudaPackages_11" "cudaPackages_12" "cudaPackages_12_4" "cudaPackages_12_6" "cudaPackages_12_8" "cudaPackages_13" ];
}
