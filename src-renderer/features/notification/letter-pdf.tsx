/**
 * A letter's PDF as Notify generated it (`GET /v2/notifications/{id}/pdf`).
 */
import { BlobDownload, BlobFrame } from '../../components/blob-frame';
import { LoadState } from '../../components/states';
import { useAppStore, useAppStoreApi } from '../../state/context';
import { notificationKey } from '../../state/slices/tracking-slice';

export function LetterPdf({ profileId, id }: { profileId: string; id: string }) {
  const store = useAppStoreApi();
  const pdf = useAppStore((s) => s.pdfs[notificationKey(profileId, id)]);
  const load = () => void store.getState().loadPdf(profileId, id);
  return (
    <section aria-labelledby="pdf-heading" data-testid="letter-pdf">
      <h3 id="pdf-heading">Letter PDF</h3>
      {pdf ? (
        <LoadState
          loadable={pdf}
          loadingLabel="Fetching the PDF from Notify…"
          errorTitle="The PDF is not available"
          onRetry={load}
        >
          {(base64) => (
            <>
              <BlobFrame
                base64={base64}
                type="application/pdf"
                title="Letter PDF"
                testId="letter-pdf-frame"
              />
              <BlobDownload base64={base64} type="application/pdf" fileName={`letter-${id}.pdf`}>
                Download the PDF
              </BlobDownload>
            </>
          )}
        </LoadState>
      ) : (
        <button type="button" className="button button--secondary" onClick={load}>
          Show the letter PDF
        </button>
      )}
    </section>
  );
}
