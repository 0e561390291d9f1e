// Package simples3 is a stand-in for github.com/rhnvrm/simples3 v0.11:
// the same API surface for the client, and the same default.
package simples3

import "net/http"

type S3 struct {
	Region, AccessKey, SecretKey string
	Client                       *http.Client
}

func New(region, accessKey, secretKey string) *S3 {
	return &S3{Region: region, AccessKey: accessKey, SecretKey: secretKey}
}

// SetClient sets the client; while none is set, http.DefaultClient is used.
func (s3 *S3) SetClient(client *http.Client) *S3 {
	s3.Client = client
	return s3
}

type UploadInput struct{ Bucket, ObjectKey string }

func (s3 *S3) FilePut(u UploadInput) error { return nil }
