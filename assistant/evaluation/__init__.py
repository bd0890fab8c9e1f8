"""Measuring attune on real data: the theme benchmarks, their metrics and classifier speed."""
