{
  "targets": [
    {
      "target_name": "unix_cred_bsd",
      "type": "none",
      "conditions": [
        ["OS in 'freebsd openbsd netbsd'", {
          "type": "loadable_module",
          "sources": ["src/addon.cc", "src/process.c", "src/connwait.c"],
          "include_dirs": [
            "<!(node -p \"require('node-addon-api').include_dir\")",
            "<!(node -p \"require('path').dirname(require.resolve('@unix-cred/internal/package.json'))\")/include"
          ],
          "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS"],
          "cflags": ["-O2", "-Wall", "-Wextra"],
          "cflags_c": ["-std=c11", "-Werror=implicit-function-declaration"],
          "cflags_cc": ["-O2", "-Wall", "-Wextra", "-std=c++17"]
        }],
        ["OS == 'freebsd'", { "sources": ["src/freebsd.c", "src/freebsd_passing.c"] }],
        ["OS == 'openbsd'", { "sources": ["src/openbsd.c", "src/openbsd_passing.c"] }],
        ["OS == 'netbsd'", { "sources": ["src/netbsd.c", "src/netbsd_passing.c"] }]
      ]
    }
  ]
}
