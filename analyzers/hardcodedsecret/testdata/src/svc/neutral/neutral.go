// Package neutral holds provider credentials under names that say nothing
// (v, values, args): only the format says whose a value is, so the formats
// here have a shape of their own (a prefix, an odd fixed length, an inner
// structure). The fakes are random, and split with + so that secret
// scanners do not block pushes of this file.
package neutral

import "fmt"

var values = []string{
	"167bd3da96bfee7e5" + "8c316dd1511811592d41",                        // want `hardcoded Cloudflare global API key \(167b…\(37 chars\)\)`
	"key-b1f85e2b1d2bb9" + "59c07cb99240d10128",                         // want `hardcoded Mailgun API key \(key-…\(36 chars\)\)`
	"00rC2AZJmx4XG1IQebjH" + "hbezhGUBUlvge1pgYoiHRo",                   // want `hardcoded Okta API token \(00rC…\(42 chars\)\)`
	"YCPyxH-exYn61Mx8gA2l" + "hkaziPJvf9jXQSjwWLu1",                     // want `hardcoded Yandex Cloud static access key secret \(YCPy…\(40 chars\)\)`
	"live_j0OtqS8ZITlfOwLI" + "-Gpmil4NzUQSC88fE-9ZSCCU",                // want `hardcoded GoCardless access token \(live…\(45 chars\)\)`
	"sandbox_E9QoY_T0H1J9iEyR" + "8YPXpAtFHeu6QPZO5maMFRZe",             // want `hardcoded GoCardless access token \(sand…\(48 chars\)\)`
	"live_18c79472274ee9b6" + "58bbf959485bb6ea8d5",                     // want `hardcoded Lob API key \(live…\(40 chars\)\)`
	"1630741598298851128-FD46FgQxm1" + "UlwAfMFaD3bWNhHN4YwC44Qoh1VE4L", // want `hardcoded X \(Twitter\) OAuth access token \(1630…\(60 chars\)\)`
}

// A short-term Bedrock key is the base64 of a presigned URL.
const bedrock = "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbiZYLUFtei1BbGdvcml0aG09QVdTNC1ITUFDLVNIQTI1NiZYLUFtei1DcmVkZW50aWFsPUFTSUFYUFNVWTZLWVJIQzJMUVZFJTJGMjAyNjEyMDUlMkZ1cy13ZXN0LTIlMkZiZWRyb2NrJTJGYXdzNF9yZXF1ZXN0JlgtQW16LURhdGU9MjAyNjEyMDVUMTcxNTAwWiZYLUFtei1FeHBpcmVzPTQz" + // want `hardcoded Amazon Bedrock short-term API key \(bedr…\(584 chars\)\)`
	"MjAwJlgtQW16LVNlY3VyaXR5LVRva2VuPURLc3pOZTFodHBZSXFSMGNySlBrcWFPQWdHMnJNOGQ2SWlkU0VHM3BNNkJJVjd2TEhxd3hBZm9CRFFMckFJQXBCeG1oOFV1a3hXUElRMTVZYkd4b2drM2dNdkFkdVlWbCZYLUFtei1TaWduYXR1cmU9YzY1MGM3MDRhM2E0YmY2MmJhNThiY2NjMTg5NWFkYjZkYjRjZDI0M2RkNzc0NmVkOTFiYjZkNjY5MTc0NTlmNiZWZXJzaW9uPTE="

// The same shapes, not credentials: placeholders, redacted values, public
// keys, and look-alikes from other domains.
var lookalikes = []string{
	"cafebabecafebabecafebabecafebabecafeb",             // a run of a word, 37 long
	"1048576000000000000000000000000000001",             // a number
	"0f3c2a9e8b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e",          // a commit id: 40 hex digits
	"key-" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",         // placeholder
	"key-b1f85e2b1d2b...",                               // redacted
	"cache_key-4f9a0c2e7b1d8e3f6a5c0b9d2e7f1a4c",        // part of a longer name
	"000000000000000000000000000000000000KLMNOP",        // placeholder
	"00" + "7d3f9a0c2e4b6d8f1a3c5e7b9d0f2a4c6e8b1d3f",   // hex: a hash
	"YCBCRToRGBConversionMatrixForBT709Video",           // an identifier
	"live_stream_configuration_handler_v2_beta",         // words
	"sandbox_<your-gocardless-access-token-here>",       // template
	"test_pub_" + "4c8e1a7f3b9d2e6a0c5f8b1d4e7a9c2f3b6", // Lob's publishable key
	"live_18c79472274e####",                             // redacted
	"18446744073709551615-18446744073709551615",         // two numbers
	"1767225600123456789-RequestIDForTheUpstreamCall",   // words
	"bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t...",   // redacted
}

func Use() {
	fmt.Println(values, bedrock, lookalikes)
}
