{
  "includes": ["../internal/native.gypi"],
  "targets": [
    {
      "target_name": "unix_cred_bsd",
      "type": "none",
      "conditions": [
        ["OS in 'freebsd openbsd netbsd'", {
          "type": "loadable_module",
          "sources": ["src/addon.cc"]
        }],
        ["OS == 'freebsd'", { "sources": ["src/freebsd.c"] }],
        ["OS == 'openbsd'", { "sources": ["src/openbsd.c"] }],
        ["OS == 'netbsd'", { "sources": ["src/netbsd.c"] }]
      ]
    }
  ]
}
