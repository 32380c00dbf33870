import { useMemo } from 'react';
import { useApi } from '../../../app/services';
import { useCatalogue } from '../../../i18n';
import { messages } from '../messages';
import { historyService } from '../service';
import '../history.css';

export const useH = () => useCatalogue(messages);

export const useHistory = () => {
  const api = useApi();
  return useMemo(() => historyService(api), [api]);
};
