import {describe, expect, it} from 'vitest'
import {parseGsUrl} from '../../src/cloud/index.js'
import {gsUrlsIn} from '../../src/cloud/lib/gs-url.js'

describe('parseGsUrl: the one reader of gs:// URLs', () => {
  it('splits a DVC remote url into bucket and prefix, slashes trimmed', () => {
    expect(parseGsUrl('gs://mlops-bucket/dvcstore')).toEqual({bucket: 'mlops-bucket', prefix: 'dvcstore'})
    expect(parseGsUrl('gs://mlops-bucket/dvcstore/')).toEqual({bucket: 'mlops-bucket', prefix: 'dvcstore'})
    expect(parseGsUrl('gs://mlops-bucket/a/b/')).toEqual({bucket: 'mlops-bucket', prefix: 'a/b'})
  })

  it('reads a bucket alone as the bucket root', () => {
    expect(parseGsUrl('gs://mlops-bucket')).toEqual({bucket: 'mlops-bucket', prefix: ''})
    expect(parseGsUrl('gs://mlops-bucket/')).toEqual({bucket: 'mlops-bucket', prefix: ''})
  })

  it('keeps a name that breaks the bucket rules as written (the naming check reports it)', () => {
    expect(parseGsUrl('gs://My_Bucket/dvcstore')).toEqual({bucket: 'My_Bucket', prefix: 'dvcstore'})
    expect(parseGsUrl('gs://$GCP_BUCKET_NAME/dvcstore')?.bucket).toBe('$GCP_BUCKET_NAME')
  })

  it('is undefined for anything that is not a gs:// URL with a bucket', () => {
    for (const url of ['s3://mlops-bucket/dvcstore', 'gs://', 'gs:///dvcstore', '/tmp/dvcstore', '', 'https://storage.googleapis.com/b']) {
      expect(parseGsUrl(url), url).toBeUndefined()
    }
  })
})

describe('gsUrlsIn: gs:// words of a command line', () => {
  it('finds each URL, without quotes, continuations or what follows the word', () => {
    expect(gsUrlsIn('gsutil mb gs://a gs://b')).toEqual(['gs://a', 'gs://b'])
    expect(gsUrlsIn('gcloud storage buckets create "gs://${NAME}" \\')).toEqual(['gs://${NAME}'])
    expect(gsUrlsIn("gcloud storage cp x 'gs://b/dir/';echo")).toEqual(['gs://b/dir/'])
    expect(gsUrlsIn('gcloud storage ls')).toEqual([])
  })
})
