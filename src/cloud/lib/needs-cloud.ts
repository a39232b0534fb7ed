/** Commands that talk to Google Cloud, where a command starts (not a path
 * such as `~/.config/gcloud`), and gs:// URLs. Comments are left out first. */
const cloudCommand = /(?:^|[;&|(`]\s*|\$\(\s*)(?:gcloud|gsutil)\s|gs:\/\/|\bdvc\[gs\]/m

function withoutComments(text: string): string {
  return text.replace(/(^|\s)#.*$/gm, '$1')
}

/** Whether a chain's steps need the cloud stand-ins: a command or a file
 * that talks to Google Cloud. An expected output (`kind: 'expect'`) only
 * shows what ran. */
export function needsCloud(steps: readonly {kind: string; text: string}[]): boolean {
  return steps.some(({kind, text}) => kind !== 'expect' && cloudCommand.test(withoutComments(text).replace(/^\s+/gm, '')))
}
