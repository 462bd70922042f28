;; Small hand-written kernels, one export per shape of code the JIT has to handle well. Each takes a
;; repetition count and returns a checksum, so a benchmark can call it on one warm instance.
(module
  (memory (export "memory") 4)
  (type $unary (func (param i32) (result i32)))
  (table 4 funcref)
  (elem (i32.const 0) $mix0 $mix1 $mix2 $mix3)

  ;; A tight i32 loop: xorshift steps and a multiply-accumulate, no memory, no calls.
  (func (export "i32_loop") (param $n i32) (result i32)
    (local $x i32) (local $acc i32)
    (local.set $x (i32.const 2463534242))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 13))))
        (local.set $x (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 17))))
        (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 5))))
        (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 31)) (local.get $x)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $acc))

  ;; Fills two vectors of 4096 f64 (at 0 and 32768) with deterministic values.
  (func $fill_vectors
    (local $i i32)
    (loop $next
      (f64.store (i32.shl (local.get $i) (i32.const 3))
        (f64.div (f64.convert_i32_s (i32.sub (local.get $i) (i32.const 2000))) (f64.const 1024)))
      (f64.store offset=32768 (i32.shl (local.get $i) (i32.const 3))
        (f64.sqrt (f64.convert_i32_u (i32.add (local.get $i) (i32.const 1)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (i32.const 4096)))))

  ;; f64 dot product of the two vectors, n times over (f64 loads, multiply-add).
  (func (export "f64_dot") (param $n i32) (result f64)
    (local $i i32) (local $sum f64) (local $total f64)
    (call $fill_vectors)
    (block $done
      (loop $rep
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $sum (f64.const 0))
        (local.set $i (i32.const 0))
        (loop $next
          (local.set $sum (f64.add (local.get $sum)
            (f64.mul (f64.load (local.get $i)) (f64.load offset=32768 (local.get $i)))))
          (local.set $i (i32.add (local.get $i) (i32.const 8)))
          (br_if $next (i32.lt_u (local.get $i) (i32.const 32768))))
        (local.set $total (f64.add (f64.mul (local.get $total) (f64.const 0.5)) (local.get $sum)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $rep)))
    (local.get $total))

  ;; Copies 64 KiB from 65536 to 131072 with an i64 load/store loop, n times, perturbing one word
  ;; between copies; returns a fold of the destination's first and last words.
  (func (export "mem_copy") (param $n i32) (result i64)
    (local $i i32) (local $acc i64)
    (block $done
      (loop $rep
        (br_if $done (i32.eqz (local.get $n)))
        (i64.store offset=65536 (i32.and (local.get $n) (i32.const 0xfff8)) (i64.extend_i32_u (local.get $n)))
        (local.set $i (i32.const 0))
        (loop $next
          (i64.store offset=131072 (local.get $i) (i64.load offset=65536 (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 8)))
          (br_if $next (i32.lt_u (local.get $i) (i32.const 65536))))
        (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31))
          (i64.xor (i64.load (i32.const 131072)) (i64.load (i32.const 196600)))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $rep)))
    (local.get $acc))

  ;; The same copy with the bulk-memory instruction memory.copy.
  (func (export "bulk_copy") (param $n i32) (result i64)
    (local $acc i64)
    (block $done
      (loop $rep
        (br_if $done (i32.eqz (local.get $n)))
        (i64.store offset=65536 (i32.and (local.get $n) (i32.const 0xfff8)) (i64.extend_i32_u (local.get $n)))
        (memory.copy (i32.const 131072) (i32.const 65536) (i32.const 65536))
        (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31))
          (i64.xor (i64.load (i32.const 131072)) (i64.load (i32.const 196600)))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $rep)))
    (local.get $acc))

  ;; Call-heavy recursion: naive Fibonacci.
  (func $fib (export "fib_rec") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))

  (func $mix0 (type $unary) (i32.add (local.get 0) (i32.const 0x9e3779b9)))
  (func $mix1 (type $unary) (i32.xor (local.get 0) (i32.shr_u (local.get 0) (i32.const 7))))
  (func $mix2 (type $unary) (i32.mul (local.get 0) (i32.const 0x2545f491)))
  (func $mix3 (type $unary) (i32.rotl (local.get 0) (i32.const 11)))

  ;; call_indirect through a four-entry table, the callee chosen by the running value.
  (func (export "call_indirect") (param $n i32) (result i32)
    (local $x i32)
    (local.set $x (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $x (call_indirect (type $unary) (local.get $x)
          (i32.and (i32.add (local.get $x) (local.get $n)) (i32.const 3))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $x))
)
