import { Splitter } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallerPanel } from '../features/caller';
import { HubShift } from '../features/hub';
import { PhoneBar } from '../features/phone';
import { loadTicketArea, TicketArea, TicketAreaPlaceholder } from '../features/ticket';
import { TrainingArea } from '../features/training';
import { ShortcutHelpOnDemand } from '../shortcuts/ShortcutHelpOnDemand';
import { whenTicketFormsIn } from '../core/ticket-session-store';
import { useSettingsStore } from '../stores/settings-store';
import { StatusBar } from '../status-bar/StatusBar';
import { RightPane } from './RightPane';
import { StorageFailureNotice } from './StorageFailureNotice';
import { StorageRecoveryBanner } from './StorageRecoveryBanner';
import { useWorkbenchShortcuts } from './use-workbench-shortcuts';

/**
 * The operator's frame for a whole shift: the call and its ticket on the
 * left, knowledge and history on the right (or on the second screen), the
 * status bar along the bottom.
 */
export function Workbench(): React.JSX.Element {
  const { t } = useTranslation();
  const detached = useSettingsStore((s) => s.settings.knowledgePaneDetached);
  useWorkbenchShortcuts();
  // The phone bar, the screen pop and the knowledge search come first; the ticket forms' chunk is asked for once the
  // workbench has painted, the 实训 area's once the forms are in (most desks are not trainees', and its tables and
  // schemas would otherwise be fetched and run while the forms are).
  const [painted, setPainted] = useState(false);
  const [formsIn, setFormsIn] = useState(false);
  useEffect(() => {
    // The fetch starts in the first frame (network, off the main thread), the forms render once it is painted.
    const frame = requestAnimationFrame(() => {
      void loadTicketArea();
      setTimeout(() => {
        setPainted(true);
      }, 0);
    });
    whenTicketFormsIn(() => {
      setFormsIn(true);
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, []);

  return (
    <div className="workbench">
      <StorageRecoveryBanner />
      <HubShift />
      <PhoneBar />
      <Splitter className="workbench-panes">
        <Splitter.Panel defaultSize="55%" min="35%">
          <section className="pane pane-left" id="pane-call" aria-label={t('common:pane.call')} tabIndex={-1} data-testid="pane-call">
            {formsIn && (
              <Suspense fallback={null}>
                <TrainingArea />
              </Suspense>
            )}
            <CallerPanel />
            {painted ? (
              <Suspense fallback={<TicketAreaPlaceholder />}>
                <TicketArea />
              </Suspense>
            ) : (
              <TicketAreaPlaceholder />
            )}
          </section>
        </Splitter.Panel>
        {!detached && (
          <Splitter.Panel min="25%">
            <RightPane />
          </Splitter.Panel>
        )}
      </Splitter>
      <StatusBar />
      <ShortcutHelpOnDemand />
      <StorageFailureNotice />
    </div>
  );
}
