{
  "includes": ["../internal/native.gypi"],
  "targets": [
    {
      "target_name": "unix_cred_solaris",
      "type": "none",
      "conditions": [
        ["OS == 'solaris'", {
          "type": "loadable_module",
          "sources": ["src/addon.cc", "src/solaris.c"],
          "defines": ["_XOPEN_SOURCE=600", "__EXTENSIONS__"],
          "libraries": ["-lsocket"]
        }]
      ]
    }
  ]
}
