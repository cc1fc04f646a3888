{
  "variables": {
    "uc_libc%": "<!(node -p \"process.platform !== 'linux' ? 'none' : process.report.getReport().header.glibcVersionRuntime ? 'glibc' : 'musl'\")"
  },
  "target_defaults": {
    "include_dirs": [
      "<!(node -p \"require('node-addon-api').include_dir\")",
      "include"
    ],
    "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS"],
    "cflags": ["-O2", "-Wall", "-Wextra", "-Werror"],
    "cflags_c": ["-std=c11"],
    "cflags_cc": ["-std=c++17"],
    "xcode_settings": {
      "GCC_C_LANGUAGE_STANDARD": "c11",
      "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
      "GCC_OPTIMIZATION_LEVEL": "2",
      "GCC_TREAT_WARNINGS_AS_ERRORS": "YES",
      "OTHER_CFLAGS": ["-Wall", "-Wextra"]
    },
    "conditions": [
      ["OS == 'linux' and uc_libc == 'musl'", { "cflags": ["-Wno-sign-compare"] }]
    ]
  }
}
