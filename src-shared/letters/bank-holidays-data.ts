/**
 * Bank holidays in England and Wales, 2000–2040. Generated: do not edit by hand.
 *
 * 2018–2027 are exactly the dates (division `england-and-wales`) of
 * alphagov/notifications-utils notifications_utils/data/bank-holidays.json at commit 1837737795444498033b7cfd779eb4a4b79104c6 (its england-and-wales events, copied from the stored copy the search tools hold),
 * the data Notify's `BankHolidays(use_cached_holidays=True)` reads. The other years, marked "by rule",
 * follow the statutory rules (substitute weekdays for weekend holidays) plus the one-off holidays of 2002, 2011
 * and 2012; no later one-off holiday can be known in advance, and Notify's own data file has no
 * holidays at all outside its years. Regenerated on 2026-12-03 with:
 *
 *     node --import tsx scripts/refresh-bank-holidays.ts --source /tmp/rules-oracle/bank-holidays.json --source-name "alphagov/notifications-utils notifications_utils/data/bank-holidays.json at commit 1837737795444498033b7cfd779eb4a4b79104c6 (its england-and-wales events, copied from the stored copy the search tools hold)"
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly string[] = [
  '2000-01-03', // New Year’s Day (by rule)
  '2000-04-21', // Good Friday (by rule)
  '2000-04-24', // Easter Monday (by rule)
  '2000-05-01', // Early May bank holiday (by rule)
  '2000-05-29', // Spring bank holiday (by rule)
  '2000-08-28', // Summer bank holiday (by rule)
  '2000-12-25', // Christmas Day (by rule)
  '2000-12-26', // Boxing Day (by rule)
  '2001-01-01', // New Year’s Day (by rule)
  '2001-04-13', // Good Friday (by rule)
  '2001-04-16', // Easter Monday (by rule)
  '2001-05-07', // Early May bank holiday (by rule)
  '2001-05-28', // Spring bank holiday (by rule)
  '2001-08-27', // Summer bank holiday (by rule)
  '2001-12-25', // Christmas Day (by rule)
  '2001-12-26', // Boxing Day (by rule)
  '2002-01-01', // New Year’s Day (by rule)
  '2002-03-29', // Good Friday (by rule)
  '2002-04-01', // Easter Monday (by rule)
  '2002-05-06', // Early May bank holiday (by rule)
  '2002-06-03', // Golden Jubilee bank holiday (by rule)
  '2002-06-04', // Spring bank holiday (by rule)
  '2002-08-26', // Summer bank holiday (by rule)
  '2002-12-25', // Christmas Day (by rule)
  '2002-12-26', // Boxing Day (by rule)
  '2003-01-01', // New Year’s Day (by rule)
  '2003-04-18', // Good Friday (by rule)
  '2003-04-21', // Easter Monday (by rule)
  '2003-05-05', // Early May bank holiday (by rule)
  '2003-05-26', // Spring bank holiday (by rule)
  '2003-08-25', // Summer bank holiday (by rule)
  '2003-12-25', // Christmas Day (by rule)
  '2003-12-26', // Boxing Day (by rule)
  '2004-01-01', // New Year’s Day (by rule)
  '2004-04-09', // Good Friday (by rule)
  '2004-04-12', // Easter Monday (by rule)
  '2004-05-03', // Early May bank holiday (by rule)
  '2004-05-31', // Spring bank holiday (by rule)
  '2004-08-30', // Summer bank holiday (by rule)
  '2004-12-27', // Christmas Day (by rule)
  '2004-12-28', // Boxing Day (by rule)
  '2005-01-03', // New Year’s Day (by rule)
  '2005-03-25', // Good Friday (by rule)
  '2005-03-28', // Easter Monday (by rule)
  '2005-05-02', // Early May bank holiday (by rule)
  '2005-05-30', // Spring bank holiday (by rule)
  '2005-08-29', // Summer bank holiday (by rule)
  '2005-12-26', // Boxing Day (by rule)
  '2005-12-27', // Christmas Day (by rule)
  '2006-01-02', // New Year’s Day (by rule)
  '2006-04-14', // Good Friday (by rule)
  '2006-04-17', // Easter Monday (by rule)
  '2006-05-01', // Early May bank holiday (by rule)
  '2006-05-29', // Spring bank holiday (by rule)
  '2006-08-28', // Summer bank holiday (by rule)
  '2006-12-25', // Christmas Day (by rule)
  '2006-12-26', // Boxing Day (by rule)
  '2007-01-01', // New Year’s Day (by rule)
  '2007-04-06', // Good Friday (by rule)
  '2007-04-09', // Easter Monday (by rule)
  '2007-05-07', // Early May bank holiday (by rule)
  '2007-05-28', // Spring bank holiday (by rule)
  '2007-08-27', // Summer bank holiday (by rule)
  '2007-12-25', // Christmas Day (by rule)
  '2007-12-26', // Boxing Day (by rule)
  '2008-01-01', // New Year’s Day (by rule)
  '2008-03-21', // Good Friday (by rule)
  '2008-03-24', // Easter Monday (by rule)
  '2008-05-05', // Early May bank holiday (by rule)
  '2008-05-26', // Spring bank holiday (by rule)
  '2008-08-25', // Summer bank holiday (by rule)
  '2008-12-25', // Christmas Day (by rule)
  '2008-12-26', // Boxing Day (by rule)
  '2009-01-01', // New Year’s Day (by rule)
  '2009-04-10', // Good Friday (by rule)
  '2009-04-13', // Easter Monday (by rule)
  '2009-05-04', // Early May bank holiday (by rule)
  '2009-05-25', // Spring bank holiday (by rule)
  '2009-08-31', // Summer bank holiday (by rule)
  '2009-12-25', // Christmas Day (by rule)
  '2009-12-28', // Boxing Day (by rule)
  '2010-01-01', // New Year’s Day (by rule)
  '2010-04-02', // Good Friday (by rule)
  '2010-04-05', // Easter Monday (by rule)
  '2010-05-03', // Early May bank holiday (by rule)
  '2010-05-31', // Spring bank holiday (by rule)
  '2010-08-30', // Summer bank holiday (by rule)
  '2010-12-27', // Christmas Day (by rule)
  '2010-12-28', // Boxing Day (by rule)
  '2011-01-03', // New Year’s Day (by rule)
  '2011-04-22', // Good Friday (by rule)
  '2011-04-25', // Easter Monday (by rule)
  '2011-04-29', // Royal wedding bank holiday (by rule)
  '2011-05-02', // Early May bank holiday (by rule)
  '2011-05-30', // Spring bank holiday (by rule)
  '2011-08-29', // Summer bank holiday (by rule)
  '2011-12-26', // Boxing Day (by rule)
  '2011-12-27', // Christmas Day (by rule)
  '2012-01-02', // New Year’s Day (by rule)
  '2012-04-06', // Good Friday (by rule)
  '2012-04-09', // Easter Monday (by rule)
  '2012-05-07', // Early May bank holiday (by rule)
  '2012-06-04', // Spring bank holiday (by rule)
  '2012-06-05', // Diamond Jubilee bank holiday (by rule)
  '2012-08-27', // Summer bank holiday (by rule)
  '2012-12-25', // Christmas Day (by rule)
  '2012-12-26', // Boxing Day (by rule)
  '2013-01-01', // New Year’s Day (by rule)
  '2013-03-29', // Good Friday (by rule)
  '2013-04-01', // Easter Monday (by rule)
  '2013-05-06', // Early May bank holiday (by rule)
  '2013-05-27', // Spring bank holiday (by rule)
  '2013-08-26', // Summer bank holiday (by rule)
  '2013-12-25', // Christmas Day (by rule)
  '2013-12-26', // Boxing Day (by rule)
  '2014-01-01', // New Year’s Day (by rule)
  '2014-04-18', // Good Friday (by rule)
  '2014-04-21', // Easter Monday (by rule)
  '2014-05-05', // Early May bank holiday (by rule)
  '2014-05-26', // Spring bank holiday (by rule)
  '2014-08-25', // Summer bank holiday (by rule)
  '2014-12-25', // Christmas Day (by rule)
  '2014-12-26', // Boxing Day (by rule)
  '2015-01-01', // New Year’s Day (by rule)
  '2015-04-03', // Good Friday (by rule)
  '2015-04-06', // Easter Monday (by rule)
  '2015-05-04', // Early May bank holiday (by rule)
  '2015-05-25', // Spring bank holiday (by rule)
  '2015-08-31', // Summer bank holiday (by rule)
  '2015-12-25', // Christmas Day (by rule)
  '2015-12-28', // Boxing Day (by rule)
  '2016-01-01', // New Year’s Day (by rule)
  '2016-03-25', // Good Friday (by rule)
  '2016-03-28', // Easter Monday (by rule)
  '2016-05-02', // Early May bank holiday (by rule)
  '2016-05-30', // Spring bank holiday (by rule)
  '2016-08-29', // Summer bank holiday (by rule)
  '2016-12-26', // Boxing Day (by rule)
  '2016-12-27', // Christmas Day (by rule)
  '2017-01-02', // New Year’s Day (by rule)
  '2017-04-14', // Good Friday (by rule)
  '2017-04-17', // Easter Monday (by rule)
  '2017-05-01', // Early May bank holiday (by rule)
  '2017-05-29', // Spring bank holiday (by rule)
  '2017-08-28', // Summer bank holiday (by rule)
  '2017-12-25', // Christmas Day (by rule)
  '2017-12-26', // Boxing Day (by rule)
  '2018-01-01', // New Year’s Day
  '2018-03-30', // Good Friday
  '2018-04-02', // Easter Monday
  '2018-05-07', // Early May bank holiday
  '2018-05-28', // Spring bank holiday
  '2018-08-27', // Summer bank holiday
  '2018-12-25', // Christmas Day
  '2018-12-26', // Boxing Day
  '2019-01-01', // New Year’s Day
  '2019-04-19', // Good Friday
  '2019-04-22', // Easter Monday
  '2019-05-06', // Early May bank holiday
  '2019-05-27', // Spring bank holiday
  '2019-08-26', // Summer bank holiday
  '2019-12-25', // Christmas Day
  '2019-12-26', // Boxing Day
  '2020-01-01', // New Year’s Day
  '2020-04-10', // Good Friday
  '2020-04-13', // Easter Monday
  '2020-05-08', // Early May bank holiday (VE day)
  '2020-05-25', // Spring bank holiday
  '2020-08-31', // Summer bank holiday
  '2020-12-25', // Christmas Day
  '2020-12-28', // Boxing Day
  '2021-01-01', // New Year’s Day
  '2021-04-02', // Good Friday
  '2021-04-05', // Easter Monday
  '2021-05-03', // Early May bank holiday
  '2021-05-31', // Spring bank holiday
  '2021-08-30', // Summer bank holiday
  '2021-12-27', // Christmas Day
  '2021-12-28', // Boxing Day
  '2022-01-03', // New Year’s Day
  '2022-04-15', // Good Friday
  '2022-04-18', // Easter Monday
  '2022-05-02', // Early May bank holiday
  '2022-06-02', // Spring bank holiday
  '2022-06-03', // Platinum Jubilee bank holiday
  '2022-08-29', // Summer bank holiday
  '2022-09-19', // Bank Holiday for the State Funeral of Queen Elizabeth II
  '2022-12-26', // Boxing Day
  '2022-12-27', // Christmas Day
  '2023-01-02', // New Year’s Day
  '2023-04-07', // Good Friday
  '2023-04-10', // Easter Monday
  '2023-05-01', // Early May bank holiday
  '2023-05-08', // Bank holiday for the coronation of King Charles III
  '2023-05-29', // Spring bank holiday
  '2023-08-28', // Summer bank holiday
  '2023-12-25', // Christmas Day
  '2023-12-26', // Boxing Day
  '2024-01-01', // New Year’s Day
  '2024-03-29', // Good Friday
  '2024-04-01', // Easter Monday
  '2024-05-06', // Early May bank holiday
  '2024-05-27', // Spring bank holiday
  '2024-08-26', // Summer bank holiday
  '2024-12-25', // Christmas Day
  '2024-12-26', // Boxing Day
  '2025-01-01', // New Year’s Day
  '2025-04-18', // Good Friday
  '2025-04-21', // Easter Monday
  '2025-05-05', // Early May bank holiday
  '2025-05-26', // Spring bank holiday
  '2025-08-25', // Summer bank holiday
  '2025-12-25', // Christmas Day
  '2025-12-26', // Boxing Day
  '2026-01-01', // New Year’s Day
  '2026-04-03', // Good Friday
  '2026-04-06', // Easter Monday
  '2026-05-04', // Early May bank holiday
  '2026-05-25', // Spring bank holiday
  '2026-08-31', // Summer bank holiday
  '2026-12-25', // Christmas Day
  '2026-12-28', // Boxing Day
  '2027-01-01', // New Year’s Day
  '2027-03-26', // Good Friday
  '2027-03-29', // Easter Monday
  '2027-05-03', // Early May bank holiday
  '2027-05-31', // Spring bank holiday
  '2027-08-30', // Summer bank holiday
  '2027-12-27', // Christmas Day
  '2027-12-28', // Boxing Day
  '2028-01-03', // New Year’s Day (by rule)
  '2028-04-14', // Good Friday (by rule)
  '2028-04-17', // Easter Monday (by rule)
  '2028-05-01', // Early May bank holiday (by rule)
  '2028-05-29', // Spring bank holiday (by rule)
  '2028-08-28', // Summer bank holiday (by rule)
  '2028-12-25', // Christmas Day (by rule)
  '2028-12-26', // Boxing Day (by rule)
  '2029-01-01', // New Year’s Day (by rule)
  '2029-03-30', // Good Friday (by rule)
  '2029-04-02', // Easter Monday (by rule)
  '2029-05-07', // Early May bank holiday (by rule)
  '2029-05-28', // Spring bank holiday (by rule)
  '2029-08-27', // Summer bank holiday (by rule)
  '2029-12-25', // Christmas Day (by rule)
  '2029-12-26', // Boxing Day (by rule)
  '2030-01-01', // New Year’s Day (by rule)
  '2030-04-19', // Good Friday (by rule)
  '2030-04-22', // Easter Monday (by rule)
  '2030-05-06', // Early May bank holiday (by rule)
  '2030-05-27', // Spring bank holiday (by rule)
  '2030-08-26', // Summer bank holiday (by rule)
  '2030-12-25', // Christmas Day (by rule)
  '2030-12-26', // Boxing Day (by rule)
  '2031-01-01', // New Year’s Day (by rule)
  '2031-04-11', // Good Friday (by rule)
  '2031-04-14', // Easter Monday (by rule)
  '2031-05-05', // Early May bank holiday (by rule)
  '2031-05-26', // Spring bank holiday (by rule)
  '2031-08-25', // Summer bank holiday (by rule)
  '2031-12-25', // Christmas Day (by rule)
  '2031-12-26', // Boxing Day (by rule)
  '2032-01-01', // New Year’s Day (by rule)
  '2032-03-26', // Good Friday (by rule)
  '2032-03-29', // Easter Monday (by rule)
  '2032-05-03', // Early May bank holiday (by rule)
  '2032-05-31', // Spring bank holiday (by rule)
  '2032-08-30', // Summer bank holiday (by rule)
  '2032-12-27', // Christmas Day (by rule)
  '2032-12-28', // Boxing Day (by rule)
  '2033-01-03', // New Year’s Day (by rule)
  '2033-04-15', // Good Friday (by rule)
  '2033-04-18', // Easter Monday (by rule)
  '2033-05-02', // Early May bank holiday (by rule)
  '2033-05-30', // Spring bank holiday (by rule)
  '2033-08-29', // Summer bank holiday (by rule)
  '2033-12-26', // Boxing Day (by rule)
  '2033-12-27', // Christmas Day (by rule)
  '2034-01-02', // New Year’s Day (by rule)
  '2034-04-07', // Good Friday (by rule)
  '2034-04-10', // Easter Monday (by rule)
  '2034-05-01', // Early May bank holiday (by rule)
  '2034-05-29', // Spring bank holiday (by rule)
  '2034-08-28', // Summer bank holiday (by rule)
  '2034-12-25', // Christmas Day (by rule)
  '2034-12-26', // Boxing Day (by rule)
  '2035-01-01', // New Year’s Day (by rule)
  '2035-03-23', // Good Friday (by rule)
  '2035-03-26', // Easter Monday (by rule)
  '2035-05-07', // Early May bank holiday (by rule)
  '2035-05-28', // Spring bank holiday (by rule)
  '2035-08-27', // Summer bank holiday (by rule)
  '2035-12-25', // Christmas Day (by rule)
  '2035-12-26', // Boxing Day (by rule)
  '2036-01-01', // New Year’s Day (by rule)
  '2036-04-11', // Good Friday (by rule)
  '2036-04-14', // Easter Monday (by rule)
  '2036-05-05', // Early May bank holiday (by rule)
  '2036-05-26', // Spring bank holiday (by rule)
  '2036-08-25', // Summer bank holiday (by rule)
  '2036-12-25', // Christmas Day (by rule)
  '2036-12-26', // Boxing Day (by rule)
  '2037-01-01', // New Year’s Day (by rule)
  '2037-04-03', // Good Friday (by rule)
  '2037-04-06', // Easter Monday (by rule)
  '2037-05-04', // Early May bank holiday (by rule)
  '2037-05-25', // Spring bank holiday (by rule)
  '2037-08-31', // Summer bank holiday (by rule)
  '2037-12-25', // Christmas Day (by rule)
  '2037-12-28', // Boxing Day (by rule)
  '2038-01-01', // New Year’s Day (by rule)
  '2038-04-23', // Good Friday (by rule)
  '2038-04-26', // Easter Monday (by rule)
  '2038-05-03', // Early May bank holiday (by rule)
  '2038-05-31', // Spring bank holiday (by rule)
  '2038-08-30', // Summer bank holiday (by rule)
  '2038-12-27', // Christmas Day (by rule)
  '2038-12-28', // Boxing Day (by rule)
  '2039-01-03', // New Year’s Day (by rule)
  '2039-04-08', // Good Friday (by rule)
  '2039-04-11', // Easter Monday (by rule)
  '2039-05-02', // Early May bank holiday (by rule)
  '2039-05-30', // Spring bank holiday (by rule)
  '2039-08-29', // Summer bank holiday (by rule)
  '2039-12-26', // Boxing Day (by rule)
  '2039-12-27', // Christmas Day (by rule)
  '2040-01-02', // New Year’s Day (by rule)
  '2040-03-30', // Good Friday (by rule)
  '2040-04-02', // Easter Monday (by rule)
  '2040-05-07', // Early May bank holiday (by rule)
  '2040-05-28', // Spring bank holiday (by rule)
  '2040-08-27', // Summer bank holiday (by rule)
  '2040-12-25', // Christmas Day (by rule)
  '2040-12-26', // Boxing Day (by rule)
];
