package service

// StatisticsOf exposes statisticsOf to the benchmarks of package service_test.
var StatisticsOf = statisticsOf
