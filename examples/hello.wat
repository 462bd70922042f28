;; A WASI command module that prints a greeting and its arguments.
;; Run it with:  ./jwasm run examples/hello.wat you there
(module $hello
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param $fd i32) (param $iovs i32) (param $iovs_len i32) (param $nwritten i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $args_sizes_get (param $argc i32) (param $argv_buf_size i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get"
    (func $args_get (param $argv i32) (param $argv_buf i32) (result i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "Hello from jwasm!\n")

  ;; Writes len bytes at ptr to stdout, using the iovec at address 0.
  (func $print (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func $strlen (param $p i32) (result i32)
    (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))

  (func $main (export "_start")
    (local $argc i32) (local $i i32) (local $arg i32)
    (call $print (i32.const 16) (i32.const 18))
    ;; argv pointers at 1024, argument strings at 2048; argv[0] is the module name
    (drop (call $args_sizes_get (i32.const 64) (i32.const 68)))
    (local.set $argc (i32.load (i32.const 64)))
    (drop (call $args_get (i32.const 1024) (i32.const 2048)))
    (local.set $i (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $argc)))
        (local.set $arg (i32.load (i32.add (i32.const 1024) (i32.mul (local.get $i) (i32.const 4)))))
        (call $print (i32.const 36) (i32.const 2))
        (call $print (local.get $arg) (call $strlen (local.get $arg)))
        (call $print (i32.const 34) (i32.const 1))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  (data (i32.const 34) "\n")
  (data (i32.const 36) "  ")
)
