;; The histogram kernel of the histogram gradient-boosting engine, in WebAssembly text. Histograms
;; hold exact integers: each row's gradient is quantised once per tree (quantize) and packed with a
;; count of 1 into one 64-bit word, q · 2^countBits + 1, so one 64-bit add per (row, feature) sums
;; both the gradients and the counts; non-constant hessians add a second word per bin. Integer sums
;; do not depend on the order of the additions, so any split of the work between threads gives the
;; same histogram, and the TypeScript loops in histogram.ts (the reference and the fallback) give
;; the same bits. 8 bytes per bin instead of 24 keep a thread's histogram in its L1 cache (measured
;; 1.5–1.8× faster than Float64 sums). `npm run wasm` turns this file into histogram-wasm.ts
;; (scripts/build-wasm.ts); a test checks the two agree. All arguments are byte addresses in the
;; imported memory:
;;   rows      u32 row ids, `count` of them
;;   bins      u8 bins, row-major: row r's bin of feature f at bins + r·nCols + f
;;   q, qh     i64 packed gradient words and quantised hessians of row r at q + 8r, qh + 8r
;;             (qh = 0: constant hessians, one word per bin)
;;   hist      i64 words; feature f's block at hist + f·block, bin b's word(s) at + 8b (+ 16b
;;             with hessians: gradient word, then hessian word)
;; and partitionHalf (partition.ts) and addLeafValue (boosting.ts), the other hot loops of a fit.
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; Features f0 … f1-1.
  (func (export "histogramRange")
    (param $rows i32) (param $count i32) (param $bins i32) (param $nCols i32) (param $q i32)
    (param $qh i32) (param $hist i32) (param $block i32) (param $f0 i32) (param $f1 i32)
    (local $end i32) (local $r i32) (local $gg i64) (local $hh i64) (local $b i32) (local $bEnd i32)
    (local $o i32) (local $p i32) (local $first i32)
    (local.set $end (i32.add (local.get $rows) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $first (i32.add (local.get $hist) (i32.mul (local.get $f0) (local.get $block))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $rows) (local.get $end)))
        (local.set $r (i32.load (local.get $rows)))
        (local.set $gg (i64.load (i32.add (local.get $q) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $b
          (i32.add (i32.add (local.get $bins) (i32.mul (local.get $r) (local.get $nCols))) (local.get $f0)))
        (local.set $bEnd (i32.add (local.get $b) (i32.sub (local.get $f1) (local.get $f0))))
        (local.set $o (local.get $first))
        (if (i32.eqz (local.get $qh))
          (then
            (block $features
              (loop $feature
                (br_if $features (i32.ge_u (local.get $b) (local.get $bEnd)))
                (local.set $p
                  (i32.add (local.get $o) (i32.shl (i32.load8_u (local.get $b)) (i32.const 3))))
                (i64.store (local.get $p) (i64.add (i64.load (local.get $p)) (local.get $gg)))
                (local.set $b (i32.add (local.get $b) (i32.const 1)))
                (local.set $o (i32.add (local.get $o) (local.get $block)))
                (br $feature))))
          (else
            (local.set $hh (i64.load (i32.add (local.get $qh) (i32.shl (local.get $r) (i32.const 3)))))
            (block $features
              (loop $feature
                (br_if $features (i32.ge_u (local.get $b) (local.get $bEnd)))
                (local.set $p
                  (i32.add (local.get $o) (i32.shl (i32.load8_u (local.get $b)) (i32.const 4))))
                (i64.store (local.get $p) (i64.add (i64.load (local.get $p)) (local.get $gg)))
                (i64.store offset=8 (local.get $p)
                  (i64.add (i64.load offset=8 (local.get $p)) (local.get $hh)))
                (local.set $b (i32.add (local.get $b) (i32.const 1)))
                (local.set $o (i32.add (local.get $o) (local.get $block)))
                (br $feature)))))
        (local.set $rows (i32.add (local.get $rows) (i32.const 4)))
        (br $row))))

  ;; The features listed at features[a0 … a1) (i32 feature indices, ascending).
  (func (export "histogramList")
    (param $rows i32) (param $count i32) (param $bins i32) (param $nCols i32) (param $q i32)
    (param $qh i32) (param $hist i32) (param $block i32) (param $features i32) (param $a0 i32)
    (param $a1 i32)
    (local $end i32) (local $r i32) (local $gg i64) (local $hh i64) (local $base i32) (local $a i32)
    (local $aEnd i32) (local $f i32) (local $p i32)
    (local.set $end (i32.add (local.get $rows) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $aEnd (i32.add (local.get $features) (i32.shl (local.get $a1) (i32.const 2))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $rows) (local.get $end)))
        (local.set $r (i32.load (local.get $rows)))
        (local.set $gg (i64.load (i32.add (local.get $q) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $base (i32.add (local.get $bins) (i32.mul (local.get $r) (local.get $nCols))))
        (local.set $a (i32.add (local.get $features) (i32.shl (local.get $a0) (i32.const 2))))
        (if (i32.eqz (local.get $qh))
          (then
            (block $features
              (loop $feature
                (br_if $features (i32.ge_u (local.get $a) (local.get $aEnd)))
                (local.set $f (i32.load (local.get $a)))
                (local.set $p
                  (i32.add
                    (i32.add (local.get $hist) (i32.mul (local.get $f) (local.get $block)))
                    (i32.shl (i32.load8_u (i32.add (local.get $base) (local.get $f))) (i32.const 3))))
                (i64.store (local.get $p) (i64.add (i64.load (local.get $p)) (local.get $gg)))
                (local.set $a (i32.add (local.get $a) (i32.const 4)))
                (br $feature))))
          (else
            (local.set $hh (i64.load (i32.add (local.get $qh) (i32.shl (local.get $r) (i32.const 3)))))
            (block $features
              (loop $feature
                (br_if $features (i32.ge_u (local.get $a) (local.get $aEnd)))
                (local.set $f (i32.load (local.get $a)))
                (local.set $p
                  (i32.add
                    (i32.add (local.get $hist) (i32.mul (local.get $f) (local.get $block)))
                    (i32.shl (i32.load8_u (i32.add (local.get $base) (local.get $f))) (i32.const 4))))
                (i64.store (local.get $p) (i64.add (i64.load (local.get $p)) (local.get $gg)))
                (i64.store offset=8 (local.get $p)
                  (i64.add (i64.load offset=8 (local.get $p)) (local.get $hh)))
                (local.set $a (i32.add (local.get $a) (i32.const 4)))
                (br $feature)))))
        (local.set $rows (i32.add (local.get $rows) (i32.const 4)))
        (br $row))))

  ;; quantize: dst[i] = (floor(src[i] · scale + 0.5) << shift) + one for the f32 src[0 … count) into i64
  ;; dst, as quantizeRows in histogram.ts.
  (func (export "quantize")
    (param $src i32) (param $count i32) (param $scale f64) (param $shift i32) (param $one i32)
    (param $dst i32)
    (local $end i32) (local $s i64) (local $add i64)
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $s (i64.extend_i32_u (local.get $shift)))
    (local.set $add (i64.extend_i32_u (local.get $one)))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (i64.store (local.get $dst)
          (i64.add
            (i64.shl
              (i64.trunc_f64_s
                (f64.floor
                  (f64.add
                    (f64.mul (f64.promote_f32 (f32.load (local.get $src))) (local.get $scale))
                    (f64.const 0.5))))
              (local.get $s))
            (local.get $add)))
        (local.set $src (i32.add (local.get $src) (i32.const 4)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 8)))
        (br $row))))

  ;; absSum: the sum of |src[i]| over the f32 src[0 … count), in order, in f64 (NaN or ∞ if a value
  ;; is; 0 when empty), as absSum in quantize.ts.
  (func (export "absSum") (param $src i32) (param $count i32) (result f64)
    (local $end i32) (local $sum f64)
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (local.set $sum (f64.add (local.get $sum) (f64.promote_f32 (f32.abs (f32.load (local.get $src))))))
        (local.set $src (i32.add (local.get $src) (i32.const 4)))
        (br $row)))
    (local.get $sum))

  ;; addWords: dst[i] += src[i] over `words` i64 words.
  (func (export "addWords") (param $dst i32) (param $src i32) (param $words i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst) (i32.shl (local.get $words) (i32.const 3))))
    (block $done
      (loop $word
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
        (i64.store (local.get $dst) (i64.add (i64.load (local.get $dst)) (i64.load (local.get $src))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 8)))
        (local.set $src (i32.add (local.get $src) (i32.const 8)))
        (br $word))))

  ;; subtractWords: out[i] = a[i] − b[i] over `words` i64 words.
  (func (export "subtractWords") (param $a i32) (param $b i32) (param $out i32) (param $words i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $words) (i32.const 3))))
    (block $done
      (loop $word
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (i64.store (local.get $out) (i64.sub (i64.load (local.get $a)) (i64.load (local.get $b))))
        (local.set $a (i32.add (local.get $a) (i32.const 8)))
        (local.set $b (i32.add (local.get $b) (i32.const 8)))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $word))))

  ;; partitionForward: rows source[0 … count) (u32), front to back, each stored once in target at the
  ;; cursor of its side — `left` if its bin in the u8 `column` goes left (u8 table goesLeft[bin] = 1),
  ;; else `right` — which then moves on; returns how many went left. Half 0 of partitionHalf.
  (func (export "partitionForward")
    (param $source i32) (param $count i32) (param $column i32) (param $goesLeft i32) (param $left i32)
    (param $right i32) (result i32)
    (local $end i32) (local $r i32) (local $l i32) (local $first i32)
    (local.set $end (i32.add (local.get $source) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $first (local.get $left))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $source) (local.get $end)))
        (local.set $r (i32.load (local.get $source)))
        (local.set $l
          (i32.load8_u (i32.add (local.get $goesLeft) (i32.load8_u (i32.add (local.get $column) (local.get $r))))))
        (i32.store (select (local.get $left) (local.get $right) (local.get $l)) (local.get $r))
        (local.set $left (i32.add (local.get $left) (i32.shl (local.get $l) (i32.const 2))))
        (local.set $right (i32.add (local.get $right) (i32.shl (i32.sub (i32.const 1) (local.get $l)) (i32.const 2))))
        (local.set $source (i32.add (local.get $source) (i32.const 4)))
        (br $row)))
    (i32.shr_u (i32.sub (local.get $left) (local.get $first)) (i32.const 2)))

  ;; partitionBackward: rows source[0 … count), back to front, each stored just below the end cursor of
  ;; its side (`left`, `right`: one past the last place), which then moves down; returns how many
  ;; went left. Half 1 of partitionHalf.
  (func (export "partitionBackward")
    (param $source i32) (param $count i32) (param $column i32) (param $goesLeft i32) (param $left i32)
    (param $right i32) (result i32)
    (local $k i32) (local $r i32) (local $l i32) (local $last i32)
    (local.set $k (i32.add (local.get $source) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $last (local.get $left))
    (block $done
      (loop $row
        (br_if $done (i32.le_u (local.get $k) (local.get $source)))
        (local.set $k (i32.sub (local.get $k) (i32.const 4)))
        (local.set $r (i32.load (local.get $k)))
        (local.set $l
          (i32.load8_u (i32.add (local.get $goesLeft) (i32.load8_u (i32.add (local.get $column) (local.get $r))))))
        (local.set $left (i32.sub (local.get $left) (i32.shl (local.get $l) (i32.const 2))))
        (local.set $right (i32.sub (local.get $right) (i32.shl (i32.sub (i32.const 1) (local.get $l)) (i32.const 2))))
        (i32.store (select (local.get $left) (local.get $right) (local.get $l)) (local.get $r))
        (br $row)))
    (i32.shr_u (i32.sub (local.get $last) (local.get $left)) (i32.const 2)))

;; addLeafValue: raw[r] += value for the u32 rows r at rows[0 … count) (f64 raw scores at `raw`):
  ;; a leaf's rows after a tree is grown, as addLeafValues in boosting.ts.
  (func (export "addLeafValue") (param $rows i32) (param $count i32) (param $raw i32) (param $value f64)
    (local $end i32) (local $p i32)
    (local.set $end (i32.add (local.get $rows) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $rows) (local.get $end)))
        (local.set $p (i32.add (local.get $raw) (i32.shl (i32.load (local.get $rows)) (i32.const 3))))
        (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (local.get $value)))
        (local.set $rows (i32.add (local.get $rows) (i32.const 4)))
        (br $row))))
)
