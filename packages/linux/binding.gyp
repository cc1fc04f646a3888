{
  "includes": ["../internal/native.gypi"],
  "targets": [
    {
      "target_name": "unix_cred_linux",
      "sources": ["src/addon.cc", "src/linux.c"]
    }
  ]
}
