{
  "includes": ["../internal/native.gypi"],
  "targets": [
    {
      "target_name": "unix_cred_bsd",
      "type": "none",
      "conditions": [
        ["OS in 'freebsd openbsd netbsd'", {
          "type": "loadable_module",
          "sources": ["src/addon.cc", "src/process.c", "src/connwait.c"]
        }],
        ["OS == 'freebsd'", { "sources": ["src/freebsd.c", "src/freebsd_passing.c"] }],
        ["OS == 'openbsd'", { "sources": ["src/openbsd.c", "src/openbsd_passing.c"] }],
        ["OS == 'netbsd'", { "sources": ["src/netbsd.c", "src/netbsd_passing.c"] }]
      ]
    }
  ]
}
