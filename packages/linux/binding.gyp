{
  "targets": [
    {
      "target_name": "unix_cred_linux",
      "sources": ["src/addon.cc", "src/linux.c", "src/process.c", "src/passing.c"],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "<!(node -p \"require('path').dirname(require.resolve('@unix-cred/internal/package.json'))\")/include"
      ],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS"],
      "cflags": ["-O2", "-Wall", "-Wextra"],
      "cflags_c": ["-std=c11", "-Werror=implicit-function-declaration"],
      "cflags_cc": ["-O2", "-Wall", "-Wextra", "-std=c++17"]
    }
  ]
}
