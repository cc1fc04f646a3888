{
  "includes": ["../internal/native.gypi"],
  "targets": [
    {
      "target_name": "unix_cred_darwin",
      "type": "none",
      "conditions": [
        ["OS == 'mac'", {
          "type": "loadable_module",
          "sources": ["src/addon.cc", "src/darwin.c"]
        }]
      ]
    }
  ]
}
