"""Every list of Koers as CSV and XLSX (issue 16 "No list can leave Koers"): the registry of list
exports, who exported what (`ListExport`), and the large export as a job with its progress."""
