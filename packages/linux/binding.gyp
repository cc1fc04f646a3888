{
  "includes": ["../internal/native.gypi"],
  "targets": [
    {
      "target_name": "unix_cred_linux",
      "type": "none",
      "conditions": [
        ["OS == 'linux'", {
          "type": "loadable_module",
          "sources": ["src/addon.cc", "src/linux.c"]
        }]
      ]
    }
  ]
}
