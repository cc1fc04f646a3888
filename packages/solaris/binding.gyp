{
  "targets": [
    {
      "target_name": "unix_cred_solaris",
      "type": "none",
      "conditions": [
        ["OS == 'solaris'", {
          "type": "loadable_module",
          "sources": ["src/addon.cc", "src/solaris.c", "src/process.c", "src/solaris_passing.c"],
          "include_dirs": [
            "<!(node -p \"require('node-addon-api').include_dir\")",
            "<!(node -p \"require('path').dirname(require.resolve('@unix-cred/internal/package.json'))\")/include"
          ],
          "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS"],
          "cflags": ["-O2", "-Wall", "-Wextra"],
          "cflags_c": ["-std=c11", "-Werror=implicit-function-declaration", "-D_XOPEN_SOURCE=600", "-D__EXTENSIONS__"],
          "cflags_cc": ["-O2", "-Wall", "-Wextra", "-std=c++17"],
          "libraries": ["-lsocket"]
        }]
      ]
    }
  ]
}
