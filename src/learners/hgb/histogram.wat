;; The histogram kernel of the histogram gradient-boosting engine, in WebAssembly text. The same
;; loops as histogramRowMajor / histogramRowMajorList in histogram.ts, adding in the same order, so
;; the sums are bit for bit the same; compiled code without bounds checks builds them ≈ 1.6× faster.
;; `npm run wasm` turns this file into histogram-wasm.ts (scripts/build-wasm.ts); a test checks the
;; two agree. All arguments are byte addresses in the imported memory:
;;   rows      u32 row ids, `count` of them
;;   bins      u8 bins, row-major: row r's bin of feature f at bins + r·nCols + f
;;   g, h      f32 gradients and hessians of row r at g + 4r, h + 4r (h = 0: constant hessians,
;;             their sums stay 0)
;;   hist      f64 triples (gradient sum, hessian sum, count); feature f's block at hist + f·block,
;;             bin b's triple at + 24b
;; and partitionRows (partition.ts) and addLeafValues (boosting.ts) likewise.
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; Features f0 … f1-1.
  (func (export "histogramRange")
    (param $rows i32) (param $count i32) (param $bins i32) (param $nCols i32) (param $g i32)
    (param $h i32) (param $hist i32) (param $block i32) (param $f0 i32) (param $f1 i32)
    (local $end i32) (local $r i32) (local $gg f64) (local $hh f64) (local $b i32) (local $bEnd i32)
    (local $o i32) (local $p i32) (local $first i32)
    (local.set $end (i32.add (local.get $rows) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $first (i32.add (local.get $hist) (i32.mul (local.get $f0) (local.get $block))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $rows) (local.get $end)))
        (local.set $r (i32.load (local.get $rows)))
        (local.set $gg
          (f64.promote_f32 (f32.load (i32.add (local.get $g) (i32.shl (local.get $r) (i32.const 2))))))
        (local.set $b
          (i32.add (i32.add (local.get $bins) (i32.mul (local.get $r) (local.get $nCols))) (local.get $f0)))
        (local.set $bEnd (i32.add (local.get $b) (i32.sub (local.get $f1) (local.get $f0))))
        (local.set $o (local.get $first))
        (if (i32.eqz (local.get $h))
          (then
            (block $features
              (loop $feature
                (br_if $features (i32.ge_u (local.get $b) (local.get $bEnd)))
                (local.set $p
                  (i32.add (local.get $o) (i32.mul (i32.load8_u (local.get $b)) (i32.const 24))))
                (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (local.get $gg)))
                (f64.store offset=16 (local.get $p)
                  (f64.add (f64.load offset=16 (local.get $p)) (f64.const 1)))
                (local.set $b (i32.add (local.get $b) (i32.const 1)))
                (local.set $o (i32.add (local.get $o) (local.get $block)))
                (br $feature))))
          (else
            (local.set $hh
              (f64.promote_f32 (f32.load (i32.add (local.get $h) (i32.shl (local.get $r) (i32.const 2))))))
            (block $features
              (loop $feature
                (br_if $features (i32.ge_u (local.get $b) (local.get $bEnd)))
                (local.set $p
                  (i32.add (local.get $o) (i32.mul (i32.load8_u (local.get $b)) (i32.const 24))))
                (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (local.get $gg)))
                (f64.store offset=8 (local.get $p)
                  (f64.add (f64.load offset=8 (local.get $p)) (local.get $hh)))
                (f64.store offset=16 (local.get $p)
                  (f64.add (f64.load offset=16 (local.get $p)) (f64.const 1)))
                (local.set $b (i32.add (local.get $b) (i32.const 1)))
                (local.set $o (i32.add (local.get $o) (local.get $block)))
                (br $feature)))))
        (local.set $rows (i32.add (local.get $rows) (i32.const 4)))
        (br $row))))

  ;; The features listed at features[a0 … a1) (i32 feature indices, ascending).
  (func (export "histogramList")
    (param $rows i32) (param $count i32) (param $bins i32) (param $nCols i32) (param $g i32)
    (param $h i32) (param $hist i32) (param $block i32) (param $features i32) (param $a0 i32)
    (param $a1 i32)
    (local $end i32) (local $r i32) (local $gg f64) (local $hh f64) (local $base i32) (local $a i32)
    (local $aEnd i32) (local $f i32) (local $p i32)
    (local.set $end (i32.add (local.get $rows) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $aEnd (i32.add (local.get $features) (i32.shl (local.get $a1) (i32.const 2))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $rows) (local.get $end)))
        (local.set $r (i32.load (local.get $rows)))
        (local.set $gg
          (f64.promote_f32 (f32.load (i32.add (local.get $g) (i32.shl (local.get $r) (i32.const 2))))))
        (local.set $hh (f64.const 0))
        (if (i32.ne (local.get $h) (i32.const 0))
          (then
            (local.set $hh
              (f64.promote_f32 (f32.load (i32.add (local.get $h) (i32.shl (local.get $r) (i32.const 2))))))))
        (local.set $base (i32.add (local.get $bins) (i32.mul (local.get $r) (local.get $nCols))))
        (local.set $a (i32.add (local.get $features) (i32.shl (local.get $a0) (i32.const 2))))
        (block $features
          (loop $feature
            (br_if $features (i32.ge_u (local.get $a) (local.get $aEnd)))
            (local.set $f (i32.load (local.get $a)))
            (local.set $p
              (i32.add
                (i32.add (local.get $hist) (i32.mul (local.get $f) (local.get $block)))
                (i32.mul (i32.load8_u (i32.add (local.get $base) (local.get $f))) (i32.const 24))))
            (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (local.get $gg)))
            (f64.store offset=8 (local.get $p) (f64.add (f64.load offset=8 (local.get $p)) (local.get $hh)))
            (f64.store offset=16 (local.get $p) (f64.add (f64.load offset=16 (local.get $p)) (f64.const 1)))
            (local.set $a (i32.add (local.get $a) (i32.const 4)))
            (br $feature)))
        (local.set $rows (i32.add (local.get $rows) (i32.const 4)))
        (br $row))))
;; partitionRows: splits the u32 rows at rows[0 … count) in place, stably — rows whose bin in the
  ;; u8 `column` goes left (u8 table goesLeft[bin] = 1) first, then the others — through `scratch`
  ;; (count u32 entries); returns how many went left. Branch-free, as partitionRows.
  (func (export "partitionRows")
    (param $rows i32) (param $count i32) (param $column i32) (param $goesLeft i32) (param $scratch i32)
    (result i32)
    (local $k i32) (local $end i32) (local $r i32) (local $left i32) (local $l i32) (local $right i32)
    (local.set $k (local.get $rows))
    (local.set $end (i32.add (local.get $rows) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $left (local.get $rows))
    (local.set $right (local.get $scratch))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $k) (local.get $end)))
        (local.set $r (i32.load (local.get $k)))
        (local.set $l
          (i32.load8_u (i32.add (local.get $goesLeft) (i32.load8_u (i32.add (local.get $column) (local.get $r))))))
        (i32.store (local.get $left) (local.get $r))
        (i32.store (local.get $right) (local.get $r))
        (local.set $left (i32.add (local.get $left) (i32.shl (local.get $l) (i32.const 2))))
        (local.set $right (i32.add (local.get $right) (i32.shl (i32.sub (i32.const 1) (local.get $l)) (i32.const 2))))
        (local.set $k (i32.add (local.get $k) (i32.const 4)))
        (br $row)))
    (memory.copy (local.get $left) (local.get $scratch) (i32.sub (local.get $right) (local.get $scratch)))
    (i32.shr_u (i32.sub (local.get $left) (local.get $rows)) (i32.const 2)))
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
