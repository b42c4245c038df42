"/run/opengl-driver/lib:/usr/lib/wsl/lib"
