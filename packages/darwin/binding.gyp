{
  "targets": [
    {
      "target_name": "unix_cred_darwin",
      "type": "none",
      "conditions": [
        ["OS == 'mac'", {
          "type": "loadable_module",
          "sources": ["src/addon.cc", "src/darwin.c", "src/process.c", "src/darwin_passing.c", "src/darwin_identity.c"],
          "include_dirs": [
            "<!(node -p \"require('node-addon-api').include_dir\")",
            "<!(node -p \"require('path').dirname(require.resolve('@unix-cred/internal/package.json'))\")/include"
          ],
          "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS"],
          "xcode_settings": {
            "GCC_C_LANGUAGE_STANDARD": "c11",
            "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
            "GCC_OPTIMIZATION_LEVEL": "2",
            "OTHER_CFLAGS": ["-Wall", "-Wextra", "-Werror=implicit-function-declaration"]
          }
        }]
      ]
    }
  ]
}
